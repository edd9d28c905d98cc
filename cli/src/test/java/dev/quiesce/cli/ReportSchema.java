package dev.quiesce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Validates a report.json against docs/report.schema.json, the schema users are given. */
final class ReportSchema {
    private static final Path SCHEMA = Path.of("..", "docs", "report.schema.json");

    private ReportSchema() {}

    static void assertValid(Path report) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMA), InputFormat.JSON);
        List<com.networknt.schema.Error> errors = schema.validate(Files.readString(report), InputFormat.JSON);
        assertEquals(List.of(), errors.stream().map(Object::toString).toList(), report + " against " + SCHEMA);
    }
}
