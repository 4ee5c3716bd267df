// Build step run by `npm install` (prepare), `npm start` and `npm test`: precompiles templates.
console.log("build: nothing to do yet");
