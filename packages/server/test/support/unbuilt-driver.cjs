// Preloaded with --require: better-sqlite3 as npm 11 leaves it when its install script did not run, its
// native module never built. `bindings` then throws this (its own message, with the paths it tried).
const Module = process.getBuiltinModule('node:module');

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request !== 'bindings') return load.call(this, request, ...rest);
  return (name) => {
    throw new Error(`Could not locate the bindings file. Tried:\n → /app/node_modules/better-sqlite3/build/Release/${name}`);
  };
};
