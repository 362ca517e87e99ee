import { Server, type Socket } from 'socket.io';

class Sessions {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  track(id: string, timer: NodeJS.Timeout): void {
    this.timers.set(id, timer);
  }

  end(id: string): void {
    clearInterval(this.timers.get(id));
    this.timers.delete(id);
  }
}

const sessions = new Sessions();
const io = new Server(3002);

io.on('connection', (socket: Socket) => {
  sessions.track(socket.id, setInterval(() => socket.emit('ping', Date.now()), 25_000));
  socket.on('disconnect', () => sessions.end(socket.id));
});
