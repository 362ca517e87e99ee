import Koa from 'koa';
import axios from 'axios';

class CatalogClient {
  constructor(tenant) {
    this.tenant = tenant;
  }

  async products() {
    axios.interceptors.response.use((res) => { // LEAK
      res.data = { tenant: this.tenant, items: res.data };
      return res;
    });
    const { data } = await axios.get('https://catalog.internal/products', { params: { tenant: this.tenant } });
    return data;
  }
}

const app = new Koa();

app.use(async (ctx) => {
  const client = new CatalogClient(ctx.get('x-tenant'));
  ctx.body = await client.products(); // LEAK (helper)
});

app.listen(3000);
