import React from 'react';

interface Props {
	onError: (error: unknown) => void;
	children: React.ReactNode;
}

/**
 * Ink's own boundary prints the stack over the screen. This one hands the
 * error to the runner, which restores the terminal and writes a crash log.
 */
export class ErrorBoundary extends React.Component<Props, {failed: boolean}> {
	override state = {failed: false};

	static getDerivedStateFromError(): {failed: boolean} {
		return {failed: true};
	}

	override componentDidCatch(error: unknown): void {
		this.props.onError(error);
	}

	override render(): React.ReactNode {
		return this.state.failed ? null : this.props.children;
	}
}
