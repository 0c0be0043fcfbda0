// The package ships an Emscripten module factory without type declarations.
declare module "@echogarden/speex-resampler-wasm/simd" {
  const createSpeexModule: (options?: Record<string, unknown>) => Promise<unknown>;
  export default createSpeexModule;
}
