import { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';

async function drain(queueUrl: string) {
  const sqs = new SQSClient({ region: 'eu-west-1' });
  try {
    const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10 }));
    for (const message of Messages) {
      console.log('got', message.Body);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
  } finally {
    sqs.destroy();
  }
}

setInterval(() => {
  void drain(process.env.QUEUE_URL ?? '');
}, 5000);
