import express from 'express';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const app = express();

app.get('/orders/:id', async (req, res) => {
  const client = new DynamoDBClient({ region: String(req.query.region ?? 'eu-west-1') });
  const db = DynamoDBDocumentClient.from(client);
  try {
    const { Item } = await db.send(new GetCommand({ TableName: 'orders', Key: { id: req.params.id } }));
    res.json(Item ?? null);
  } finally {
    client.destroy();
  }
});

app.listen(3000);
