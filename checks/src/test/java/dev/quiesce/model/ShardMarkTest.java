package dev.quiesce.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardMarkTest {
    @ParameterizedTest
    @CsvSource({"1/1, 1, 1", "3/5, 3, 5", "10000/10000, 10000, 10000", "1/10000, 1, 10000", "01/02, 1, 2"})
    void aMarkInRangeIsItsPartAndCount(String text, int index, int count) {
        assertEquals(new ShardMark(index, count), ShardMark.require(text, "--shard"));
        assertEquals(Optional.empty(), ShardMark.problem(text));
        assertEquals(index + "/" + count, ShardMark.require(text, "--shard").toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "abc|'abc' is not i/n (for example 2/5)", "1/|'1/' is not i/n (for example 2/5)",
        "/1|'/1' is not i/n (for example 2/5)", "1/2/3|'1/2/3' is not i/n (for example 2/5)",
        "1/-5|'1/-5' is not i/n (for example 2/5)", "-1/2|'-1/2' is not i/n (for example 2/5)",
        "1/0|1/0: n must be from 1 to 10000", "0/0|0/0: n must be from 1 to 10000",
        "1/10001|1/10001: n must be from 1 to 10000", "1/2147483647|1/2147483647: n must be from 1 to 10000",
        "1/99999999999999999|1/99999999999999999: n must be from 1 to 10000",
        "0/1|0/1: i must be from 1 to n", "3/2|3/2: i must be from 1 to n"})
    void aMarkOutOfRangeSaysWhy(String text, String why) {
        assertEquals(Optional.of(why), ShardMark.problem(text));
        assertEquals("--shard " + why, assertThrows(QuiesceException.class, () -> ShardMark.require(text, "--shard"))
                .getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, 1", "2, 1", "1, 0", "1, 10001", "-1, 5"})
    void aMarkOutOfRangeCannotBeMade(int index, int count) {
        assertThrows(IllegalArgumentException.class, () -> new ShardMark(index, count));
    }
}
