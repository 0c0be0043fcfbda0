// The package ships an Emscripten module factory without type declarations: the KISS FFT C API
// (kiss_fftr_alloc, kiss_fftr with float scalars) and the module's heap.
declare module "@echogarden/kissfft-wasm" {
  export interface KissFftModule {
    HEAPF32: Float32Array;
    _malloc(bytes: number): number;
    _free(pointer: number): void;
    _kiss_fftr_alloc(nfft: number, inverse: number, mem: number, lenmem: number): number;
    _kiss_fftr(config: number, timeData: number, freqData: number): void;
  }
  const createKissFft: (options?: Record<string, unknown>) => Promise<KissFftModule>;
  export default createKissFft;
}
