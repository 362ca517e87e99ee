const path = require('node:path');
const express = require('express');

const SITES = '/srv/sites';
const app = express();

app.get('/preview/:site', (req, res) => {
  const { site } = req.params;
  app.use(`/preview/${site}`, express.static(path.join(SITES, site))); // LEAK
  res.redirect(`/preview/${site}/index.html`);
});

app.listen(3000);
