import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import express from 'express';

const app = express();

app.get('/files/:key', async (req, res) => {
  const s3 = new S3Client({ region: 'eu-west-1' });
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: 'uploads', Key: req.params.key }));
    res.type(out.ContentType ?? 'application/octet-stream').send(await out.Body?.transformToByteArray());
  } finally {
    s3.destroy();
  }
});
app.listen(3000);
