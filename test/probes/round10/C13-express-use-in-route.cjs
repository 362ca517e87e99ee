const path = require('node:path');
const express = require('express');

const SITES = '/srv/sites';
const app = express();

app.use('/preview/:site', (req, res, next) => {
  const serve = express.static(path.join(SITES, req.params.site));
  serve(req, res, next);
});

app.listen(3000);
