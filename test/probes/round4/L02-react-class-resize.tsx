import React from 'react';

type Props = { onResize: (width: number) => void };
type State = { now: number };

export class Clock extends React.Component<Props, State> {
  state: State = { now: Date.now() };
  private timer?: ReturnType<typeof setInterval>;

  private handleResize = () => {
    this.props.onResize(window.innerWidth);
  };

  componentDidMount() {
    this.timer = setInterval(() => this.setState({ now: Date.now() }), 1000);
    window.addEventListener('resize', this.handleResize);
  }

  componentWillUnmount() {
    clearInterval(this.timer);
  }

  render() {
    return <time>{new Date(this.state.now).toISOString()}</time>;
  }
}
