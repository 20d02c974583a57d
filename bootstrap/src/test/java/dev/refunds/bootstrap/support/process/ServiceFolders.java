package dev.refunds.bootstrap.support.process;

import java.nio.file.Path;

/**
 * Where a service process runs ({@code work}), where its embedded database lives if it runs on the embedded
 * default ({@code data}), and where its log files go ({@code logs}, one per start).
 */
public record ServiceFolders(Path work, Path data, Path logs) {
}
