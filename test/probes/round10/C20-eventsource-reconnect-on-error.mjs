import { EventSource } from 'eventsource';

let updates;

function connect(url) {
  updates = new EventSource(url);
  updates.onmessage = (event) => console.log('update', event.data);
  updates.onerror = () => {
    updates.close();
    setTimeout(() => connect(url), 5000);
  };
}

connect('https://stream.example.com/updates');
