import { EventSource } from 'eventsource';

let updates;

function connect(url) {
  updates = new EventSource(url); // LEAK
  updates.onmessage = (event) => console.log('update', event.data);
  updates.onerror = () => {
    setTimeout(() => connect(url), 5000); // LEAK (helper)
  };
}

connect('https://stream.example.com/updates');
