/**
 * Reads the files of a ZIP archive (banks deliver CAMT statements zipped): the central directory at the end says
 * where each file is; stored files are taken as they are, deflated ones go through the platform's
 * DecompressionStream('deflate-raw'). ZIP64 and encrypted archives are refused with a reason.
 */
import { StatementUnreadableError } from '../books/errors';

export interface ZipFile {
  name: string;
  bytes: Uint8Array;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export const isZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;

function refuse(name: string, reason: string): never {
  throw new StatementUnreadableError(
    `${name} cannot be opened as a ZIP archive (${reason}). Unpack it and import the files inside.`,
    { file: name, reason },
  );
}

async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export async function readZip(bytes: Uint8Array, archiveName: string): Promise<ZipFile[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) refuse(archiveName, 'no central directory');
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff) refuse(archiveName, 'ZIP64');
  const names = new TextDecoder();
  const files: ZipFile[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== DIRECTORY_ENTRY)
      refuse(archiveName, 'damaged central directory');
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const name = names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (flags & 1) refuse(archiveName, `${name} is encrypted`);
    if (view.getUint32(localOffset, true) !== LOCAL_HEADER) refuse(archiveName, `damaged entry ${name}`);
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    const data = bytes.subarray(start, start + compressedSize);
    if (method === 0) files.push({ name, bytes: data.slice() });
    else if (method === 8) files.push({ name, bytes: await inflate(data) });
    else refuse(archiveName, `${name} uses compression method ${method}`);
  }
  return files;
}
