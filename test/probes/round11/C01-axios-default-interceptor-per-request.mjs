import Koa from 'koa';
import axios from 'axios';

class CatalogClient {
  constructor(tenant) {
    this.tenant = tenant;
  }

  async products() {
    const interceptor = axios.interceptors.response.use((res) => {
      res.data = { tenant: this.tenant, items: res.data };
      return res;
    });
    try {
      const { data } = await axios.get('https://catalog.internal/products', { params: { tenant: this.tenant } });
      return data;
    } finally {
      axios.interceptors.response.eject(interceptor);
    }
  }
}

const app = new Koa();

app.use(async (ctx) => {
  const client = new CatalogClient(ctx.get('x-tenant'));
  ctx.body = await client.products();
});

app.listen(3000);
