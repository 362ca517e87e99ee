import * as grpc from '@grpc/grpc-js';
import Koa from 'koa';

const app = new Koa();
const encode = (s: string) => Buffer.from(s);
const decode = (b: Buffer) => b.toString();

function checkStock(sku: string): Promise<string> {
  const client = new grpc.Client('inventory:50051', grpc.credentials.createInsecure());
  return new Promise<string>((resolve, reject) => {
    client.makeUnaryRequest('/inventory.Stock/Check', encode, decode, sku, (err, value) => (err ? reject(err) : resolve(value!)));
  }).finally(() => client.close());
}

app.use(async (ctx) => {
  ctx.body = await checkStock(ctx.path.slice(1));
});
app.listen(3000);
