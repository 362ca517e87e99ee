import Koa from 'koa';
import Router from '@koa/router';
import mongoose from 'mongoose';

const app = new Koa();
const router = new Router();
const userSchema = new mongoose.Schema({ name: String, email: String });

router.get('/t/:tenant/users', async (ctx) => {
  const { tenant } = ctx.params;
  const conn = await mongoose.createConnection(`mongodb://db:27017/${tenant}`).asPromise(); // LEAK
  const User = conn.model('User', userSchema);
  ctx.body = await User.find().limit(20).lean();
});

app.use(router.routes());
app.listen(3000);
