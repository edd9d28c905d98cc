/**
 * Files quiesce is handed and files it writes for its user: {@link dev.quiesce.files.InputFile} reads only
 * regular files, within a cap, strictly UTF-8 where text; {@link dev.quiesce.files.OutputFile} writes
 * through a new temporary file and a rename, so a link planted at the target is replaced, never followed.
 * Every package may use this one; it uses only {@code model}.
 */
package dev.quiesce.files;
