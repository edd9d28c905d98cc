package dev.quiesce.files;

import dev.quiesce.model.Problem;
import dev.quiesce.model.QuiesceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a file someone handed quiesce (a rule pack, an inventory, a capture, a report): only a regular
 * file, never more than a cap, so that {@code /dev/zero}, a FIFO or a huge file is a clear error instead of
 * a hang or an OutOfMemoryError. Text must be UTF-8; the first byte that is not is named by line and
 * column, since a Latin-1 file read leniently would silently turn "é" into U+FFFD.
 */
public final class InputFile {
    private InputFile() {}

    /** The file's bytes; {@code what} names it in errors ("rule pack", "inventory"). */
    public static byte[] bytes(Path file, String what, long maxBytes) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new QuiesceException(name + ": no such " + what + " file");
        }
        if (!Files.isRegularFile(file)) {
            throw new QuiesceException(name + ": not a regular file" + (Files.isDirectory(file) ? " but a directory"
                    : " (a device, FIFO or socket)") + "; give the " + what + " file itself");
        }
        // Read at most one byte past the cap: the size a file reports can change while it is read.
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new QuiesceException(name + ": larger than a " + what + " can be (" + maxBytes + " bytes); is this"
                        + " the right file?");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new QuiesceException(name + ": no such " + what + " file");
        } catch (IOException e) {
            throw new QuiesceException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The file's text, strictly UTF-8. */
    public static String text(Path file, String what, long maxBytes) {
        return utf8(file.toString(), bytes(file, what, maxBytes));
    }

    /** {@code bytes} as UTF-8 text, or an error at the line and column of the first byte that is not. */
    public static String utf8(String name, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never decodes to more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            decoder.flush(out);
            return out.flip().toString();
        }
        // What decoded before the bad byte is the text in front of it: count its lines and columns.
        out.flip();
        int line = 1;
        int column = 1;
        for (int i = 0; i < out.length(); i++) {
            if (out.charAt(i) == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(out.charAt(i))) {
                column++;
            }
        }
        throw new QuiesceException(List.of(new Problem(name, line, column, String.format("not UTF-8 text (byte 0x%02x);"
                + " save the file as UTF-8 (a Latin-1 or Windows-1252 file shows this)", bytes[in.position()] & 0xff))));
    }
}
