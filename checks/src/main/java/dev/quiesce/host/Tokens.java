package dev.quiesce.host;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Frame tokens: 128 random bits, fresh for every probe run, so a host cannot guess one in advance. */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    static String fresh() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
