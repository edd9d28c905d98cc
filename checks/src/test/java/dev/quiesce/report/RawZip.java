package dev.quiesce.report;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zips the way a forger would, which {@code ZipOutputStream} refuses to: the same name twice, names
 * that differ between an entry's header and the central directory, traversal names, an entry that inflates
 * far past its compressed size. Test code only.
 */
final class RawZip {
    private record Entry(String localName, String centralName, byte[] data, long size, long crc, boolean deflated) {}

    private final List<Entry> entries = new ArrayList<>();

    RawZip add(String name, byte[] data) {
        return add(name, name, data);
    }

    /** An entry whose header says {@code localName} and whose central directory record says {@code centralName}. */
    RawZip add(String localName, String centralName, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        entries.add(new Entry(localName, centralName, data, data.length, crc.getValue(), false));
        return this;
    }

    /** {@code count} zero bytes, deflated: a few hundred kilobytes in the zip per hundred megabytes inflated. */
    RawZip addZeros(String name, long count) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        CRC32 crc = new CRC32();
        for (long left = count; left > 0; left -= zeros.length) {
            int n = (int) Math.min(left, zeros.length);
            crc.update(zeros, 0, n);
            deflater.setInput(zeros, 0, n);
            while (!deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        entries.add(new Entry(name, name, out.toByteArray(), count, crc.getValue(), true));
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (Entry e : entries) {
            offsets.add(zip.size());
            byte[] name = e.localName().getBytes(StandardCharsets.UTF_8);
            ByteBuffer header = le(30).putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) (e.deflated() ? 8 : 0)).putInt(0).putInt((int) e.crc()).putInt(e.data().length)
                    .putInt((int) e.size()).putShort((short) name.length).putShort((short) 0);
            zip.writeBytes(header.array());
            zip.writeBytes(name);
            zip.writeBytes(e.data());
        }
        int directory = zip.size();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            byte[] name = e.centralName().getBytes(StandardCharsets.UTF_8);
            ByteBuffer record = le(46).putInt(0x02014b50).putShort((short) 20).putShort((short) 20)
                    .putShort((short) 0x0800).putShort((short) (e.deflated() ? 8 : 0)).putInt(0).putInt((int) e.crc())
                    .putInt(e.data().length).putInt((int) e.size()).putShort((short) name.length).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt(offsets.get(i));
            zip.writeBytes(record.array());
            zip.writeBytes(name);
        }
        int size = zip.size() - directory;
        zip.writeBytes(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size()).putInt(size).putInt(directory)
                .putShort((short) 0).array());
        return zip.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
