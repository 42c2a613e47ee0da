import {mkdtemp, rm, unlink, writeFile, mkfifo as _unused} from 'node:fs/promises';
import {describe, expect, it} from 'vitest';
