/**
 * Three levels of tests (STYLE.md, "Tests"): unit specs beside the code, integration tests against
 * a real PostgreSQL and Redis, and end-to-end tests through the real HTTP stack with real PostgreSQL, Redis
 * and SMTP. Nest 12's packages are ESM-only, so jest (CommonJS) has them transformed by SWC too.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2023',
      keepClassNames: true,
    },
    module: { type: 'commonjs', ignoreDynamic: true },
    sourceMaps: 'inline',
  },
];

/** Packages published as ES modules only; SWC turns them into CommonJS for jest. */
function esmOnlyPackages() {
  const fs = require('node:fs');
  const path = require('node:path');
  const root = path.join(__dirname, 'node_modules');
  const names = [];
  const consider = (name) => {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, name, 'package.json'), 'utf8'));
      if (pkg.type === 'module') names.push(name);
    } catch {
      // not a package
    }
  };
  for (const entry of fs.existsSync(root) ? fs.readdirSync(root) : []) {
    if (entry.startsWith('@')) for (const sub of fs.readdirSync(path.join(root, entry))) consider(`${entry}/${sub}`);
    else if (!entry.startsWith('.')) consider(entry);
  }
  return names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)sx?$': swc },
  // Transform the ESM-only packages (Nest 12 and friends); leave the rest of node_modules alone.
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages().join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  testTimeout: 30000,
  // Tests that cut Redis off (test/utils/tcp-proxy.ts) leave ioredis timers of up to 2 s armed
  // after teardown; they end by themselves, so wait for them instead of warning about them.
  openHandlesTimeout: 3000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
