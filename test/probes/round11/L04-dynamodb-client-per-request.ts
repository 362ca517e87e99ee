import express from 'express';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const app = express();

function documents(region: string) {
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region })); // LEAK
}

app.get('/orders/:id', async (req, res) => {
  const db = documents(String(req.query.region ?? 'eu-west-1')); // LEAK (helper)
  const { Item } = await db.send(new GetCommand({ TableName: 'orders', Key: { id: req.params.id } }));
  res.json(Item ?? null);
});

app.listen(3000);
