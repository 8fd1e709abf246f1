package dev.flightdeck.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * logback.xml: the thread that logs (a Slack ack's, say) does not write the console itself, and what it logged while
 * the console was stuck is all written, with its trace id, by the time logging stops.
 */
class AsyncConsoleTest {

    @Test
    void aLoggerDoesNotWaitForAStuckConsoleAndEveryLineIsWrittenByShutdown() throws Exception {
        PrintStream original = System.out;
        CountDownLatch unstuck = new CountDownLatch(1);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream stuck = new OutputStream() { // a stdout whose reader has stopped reading, until unstuck
            @Override
            public void write(int b) {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    unstuck.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                synchronized (written) {
                    written.write(b, off, len);
                }
            }
        };
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(MDC.getMDCAdapter());
        try {
            System.setOut(new PrintStream(stuck, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(getClass().getResource("/logback.xml"));
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                MDC.put("traceId", "0123456789abcdef0123456789abcdef");
                try {
                    for (int i = 0; i < 50; i++) {
                        context.getLogger("dev.flightdeck.Example").info("/deploy request {} by U1", i);
                    }
                } finally {
                    MDC.clear();
                }
            });
            synchronized (written) {
                assertThat(written.size()).isZero(); // all 50 returned while the console had written nothing
            }
            unstuck.countDown();
        } finally {
            unstuck.countDown();
            context.stop(); // as the shutdown hook does at exit: what is queued is written first
            System.setOut(original);
        }
        String log = written.toString(StandardCharsets.UTF_8);
        assertThat(log.lines().filter(l -> l.contains("/deploy request ")).count()).isEqualTo(50);
        assertThat(log).contains("/deploy request 0 by U1 trace=0123456789abcdef0123456789abcdef",
                "/deploy request 49 by U1 trace=0123456789abcdef0123456789abcdef");
    }
}
