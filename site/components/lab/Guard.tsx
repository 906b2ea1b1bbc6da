/** An error boundary: a part of the lab that fails says so instead of blanking the page. */
import { Component, type ReactNode } from 'react';

export default class Guard extends Component<{ children: ReactNode; message: string }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <p className="mw-terminal__message" role="alert">{this.props.message}</p>;
  }
}
