// Vectors travel and rest as little-endian Float32 bytes: a source's vectors are one contiguous
// blob (bytea in Postgres, base64 on the bus), `dimensions` floats per chunk.

/** Concatenates equal-length vectors into one little-endian Float32 byte array. */
export function packVectors(vectors: Float32Array[], dimensions: number): Uint8Array {
  const packed = new Float32Array(vectors.length * dimensions);
  vectors.forEach((vector, row) => {
    if (vector.length !== dimensions) {
      throw new Error(`vector ${row} has ${vector.length} dimensions, expected ${dimensions}`);
    }
    packed.set(vector, row * dimensions);
  });
  return toLittleEndianBytes(packed);
}

/** A view (or, when unaligned, a copy) of `bytes` as Float32 values. */
export function unpackVectors(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % 4 !== 0) throw new Error(`vector blob of ${bytes.byteLength} bytes is not Float32`);
  if (!LITTLE_ENDIAN) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const values = new Float32Array(bytes.byteLength / 4);
    for (let i = 0; i < values.length; i++) values[i] = view.getFloat32(i * 4, true);
    return values;
  }
  if (bytes.byteOffset % 4 === 0)
    return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return new Float32Array(bytes.slice().buffer);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function toLittleEndianBytes(values: Float32Array): Uint8Array {
  if (LITTLE_ENDIAN) return new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  return bytes;
}
