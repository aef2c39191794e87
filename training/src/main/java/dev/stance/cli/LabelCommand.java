package dev.stance.cli;

import dev.stance.label.LabelServer;
import dev.stance.label.LabelSession;
import dev.stance.label.QueueFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stance label}: the local labelling web app for a queue written by {@code suggest}. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = {"Serve a labelling page for a queue on this machine: one statement at a time, keyboard"
                + " shortcuts for both tasks, every answer appended to --out and synced at once; reopening"
                + " continues where it stopped. Stop with Ctrl-C.",
                "Exit codes: 0 stopped, 1 usage error (bad queue or answers file, port taken)."})
public final class LabelCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "QUEUE", description = "The queue (from 'stance suggest').")
    Path queue;

    @Option(names = "--out", required = true, description = "Answers file (JSONL), created or continued.")
    Path out;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: only this machine).")
    String bind;

    @Override
    public Integer call() throws Exception {
        var items = QueueFile.read(queue);
        LabelSession session = LabelSession.open(items, out);
        LabelServer server;
        try {
            server = LabelServer.start(session, bind, port);
        } catch (java.net.BindException e) {
            session.close();
            throw new IllegalArgumentException("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                    + "); pick another --port");
        }
        var state = session.state();
        System.out.printf("%d of %d answered so far; open http://127.0.0.1:%d/ (Ctrl-C stops; answers are in %s)%n",
                state.get("done").asInt(), items.size(), server.port(), out);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            try {
                session.close();
            } catch (java.io.IOException e) {
                System.err.println("closing " + out + ": " + e.getMessage());
            }
            stopped.countDown();
        }));
        stopped.await();
        return ExitCodes.OK;
    }
}
