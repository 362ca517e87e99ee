// Settings for eslint-doc-generator: `npm run docs` writes the README rules and configs tables and
// each rule page's header; `npm run docs:check` (and `npm test`) fail when they are out of date.
// It loads the built plugin (package.json `exports` → dist), so build first.

/** @type {import('eslint-doc-generator').GenerateOptions} */
module.exports = {
  configEmoji: [
    ['recommended', '✅'],
    ['recommended-type-checked', '☑️'],
  ],
  ruleDocTitleFormat: 'desc-parens-name',
  ruleDocNotices: ['deprecated', 'configs', 'fixableAndHasSuggestions', 'requiresTypeChecking'],
  // Every page has an `## Options` section, also rules without options (it says so). The built-in
  // options-section check would require rules without options to have none, so it is off; the
  // generated options list between the markers still names every option.
  ruleDocSectionInclude: ['Options', 'When Not To Use It'],
  ruleDocSectionOptions: false,
  ruleListColumns: [
    'name',
    'description',
    'configsError',
    'configsWarn',
    'configsOff',
    'fixable',
    'hasSuggestions',
    'requiresTypeChecking',
    'deprecated',
  ],
};
