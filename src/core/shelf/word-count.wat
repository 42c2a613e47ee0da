;; Words in bytes, 16 at a step (src/core/shelf/word-count.ts; the bytes in
;; word-count-wasm.ts are made from this file by `node scripts/word-count-wasm.mjs`).
;; A word starts at each byte that is not a space (space, tab, CR, LF) after
;; one that is: the bytes that are spaces are found for 16 bytes at once, each
;; lane is compared with the lane before it (the last lane of the 16 before),
;; and the starts are counted with one bitmask and one popcount.
(module
  (memory (export "memory") 1)
  ;; Word starts in memory [$p, $end), the byte before $p being a space when $space is 1.
  (func (export "words") (param $p i32) (param $end i32) (param $space i32) (result i32)
    (local $count i32) (local $v v128) (local $s v128) (local $before v128) (local $c i32)
    ;; Lane 15 of $before stands for the byte before the first 16: all ones when it is a space.
    (local.set $before (i8x16.splat (i32.sub (i32.const 0) (local.get $space))))
    (block $tail
      (loop $sixteen
        (br_if $tail (i32.gt_u (i32.add (local.get $p) (i32.const 16)) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $s (v128.or
          (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 32))) (i8x16.eq (local.get $v) (i8x16.splat (i32.const 10))))
          (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 9))) (i8x16.eq (local.get $v) (i8x16.splat (i32.const 13))))))
        ;; Each lane's byte before it: the last lane of the 16 before, then lanes 0-14 of these.
        (local.set $count (i32.add (local.get $count) (i32.popcnt (i8x16.bitmask
          (v128.andnot
            (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 (local.get $before) (local.get $s))
            (local.get $s))))))
        (local.set $before (local.get $s))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $sixteen)))
    ;; Fewer than 16 left: one at a time.
    (local.set $space (i32.and (i8x16.extract_lane_u 15 (local.get $before)) (i32.const 1)))
    (block $done
      (loop $one
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $c (i32.load8_u (local.get $p)))
        (if (i32.or (i32.or (i32.eq (local.get $c) (i32.const 32)) (i32.eq (local.get $c) (i32.const 10)))
                    (i32.or (i32.eq (local.get $c) (i32.const 9)) (i32.eq (local.get $c) (i32.const 13))))
          (then (local.set $space (i32.const 1)))
          (else
            (local.set $count (i32.add (local.get $count) (local.get $space)))
            (local.set $space (i32.const 0))))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $one)))
    (local.get $count)))
