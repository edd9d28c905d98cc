package dev.quiesce.facts;

/** The type of a directory entry, from the file-type bits of its mode. */
public enum FileKind {
    REGULAR("regular file"), DIRECTORY("directory"), SYMLINK("symbolic link"), CHARACTER_DEVICE("character device"),
    BLOCK_DEVICE("block device"), FIFO("fifo"), SOCKET("socket"), UNKNOWN("unknown file type");

    private final String description;

    FileKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The {@code S_IFMT} bits of this kind, as {@code stat -c %f} prints them with the permission bits. */
    public int typeBits() {
        return switch (this) {
            case REGULAR -> 0100000;
            case DIRECTORY -> 0040000;
            case SYMLINK -> 0120000;
            case CHARACTER_DEVICE -> 0020000;
            case BLOCK_DEVICE -> 0060000;
            case FIFO -> 0010000;
            case SOCKET -> 0140000;
            case UNKNOWN -> 0;
        };
    }

    /** From the {@code S_IFMT} bits of a raw {@code st_mode}. */
    static FileKind ofRawMode(int rawMode) {
        return switch (rawMode & 0170000) {
            case 0100000 -> REGULAR;
            case 0040000 -> DIRECTORY;
            case 0120000 -> SYMLINK;
            case 0020000 -> CHARACTER_DEVICE;
            case 0060000 -> BLOCK_DEVICE;
            case 0010000 -> FIFO;
            case 0140000 -> SOCKET;
            default -> UNKNOWN;
        };
    }

    /** From the first character of {@code ls -l} output. */
    static FileKind ofLsType(char type) {
        return switch (type) {
            case '-' -> REGULAR;
            case 'd' -> DIRECTORY;
            case 'l' -> SYMLINK;
            case 'c' -> CHARACTER_DEVICE;
            case 'b' -> BLOCK_DEVICE;
            case 'p' -> FIFO;
            case 's' -> SOCKET;
            default -> UNKNOWN;
        };
    }
}
