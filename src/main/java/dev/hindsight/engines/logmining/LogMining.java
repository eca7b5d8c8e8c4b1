package dev.hindsight.engines.logmining;

import dev.hindsight.engines.logs.LogParser;
import dev.hindsight.engines.logs.LogReader;
import dev.hindsight.engines.logs.LogRecord;
import dev.hindsight.engines.logs.ParseOptions;
import dev.hindsight.engines.logs.ParseStats;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Parses and mines a log in one pass on two threads: the calling thread mines while a helper thread reads and parses,
 * handing records over in small batches through a bounded queue, so memory stays constant.
 */
public final class LogMining {

    private static final int BATCH = 512;
    private static final int QUEUED_BATCHES = 16;
    private static final LogRecord[] END = new LogRecord[0];

    private LogMining() {}

    /** Receives each record with the id of the shape the miner filed it under, in input order. */
    @FunctionalInterface
    public interface Sink {

        /** Called on the mining thread for each record. */
        void accept(LogRecord record, int shapeId);
    }

    /**
     * Parses {@code in} with {@code options}, adds every record to {@code miner} and hands it to {@code sink}; closes
     * the input. Afterwards {@link TemplateMiner#templateIdOf(int)} maps the shape ids to templates.
     *
     * @return the parse counts, never null
     * @throws dev.hindsight.engines.logs.BinaryLogException when the input is not text
     * @throws java.io.UncheckedIOException when reading fails
     * @throws IllegalStateException when the calling thread is interrupted
     */
    public static ParseStats run(InputStream in, ParseOptions options, TemplateMiner miner, Sink sink) {
        LogReader reader = LogParser.open(in, options);
        BlockingQueue<LogRecord[]> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        Throwable[] failure = new Throwable[1];
        Thread parser = Thread.ofPlatform()
                .name("hindsight-log-parser")
                .daemon()
                .start(() -> {
                    try (reader) {
                        LogRecord[] batch = new LogRecord[BATCH];
                        int size = 0;
                        while (reader.hasNext()) {
                            batch[size++] = reader.next();
                            if (size == BATCH) {
                                queue.put(batch);
                                batch = new LogRecord[BATCH];
                                size = 0;
                            }
                        }
                        if (size > 0) {
                            queue.put(java.util.Arrays.copyOf(batch, size));
                        }
                    } catch (Throwable t) {
                        failure[0] = t;
                    } finally {
                        try {
                            queue.put(END);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        try {
            while (true) {
                LogRecord[] batch = queue.take();
                if (batch == END) {
                    break;
                }
                for (LogRecord record : batch) {
                    sink.accept(record, miner.add(record));
                }
            }
            parser.join();
        } catch (InterruptedException e) {
            parser.interrupt();
            queue.clear();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while mining", e);
        } catch (RuntimeException | Error e) {
            parser.interrupt();
            queue.clear();
            throw e;
        }
        if (failure[0] instanceof RuntimeException e) {
            throw e;
        }
        if (failure[0] instanceof Error e) {
            throw e;
        }
        if (failure[0] != null) {
            throw new IllegalStateException(failure[0]);
        }
        return reader.stats();
    }
}
