package org.dsscontractkit.reference.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.nio.file.Path;

/** Sends the server's log to {@code logs/server.log} of its data directory (readable through the logs API). */
public final class ServerLog implements AutoCloseable {
    public static final String FILE_NAME = "server.log";
    private final FileAppender<ILoggingEvent> appender;

    public ServerLog(Path logDir) {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("[%d{yyyy/MM/dd-HH:mm:ss.SSS}] [%thread] [%level] [%logger{36}] - %msg%n");
        enc.start();
        appender = new FileAppender<>();
        appender.setContext(ctx);
        appender.setName("server-log-" + logDir);
        appender.setFile(logDir.resolve(FILE_NAME).toString());
        appender.setAppend(true);
        appender.setEncoder(enc);
        appender.start();
        Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        if (root.getLevel() == null || root.getLevel().isGreaterOrEqual(Level.WARN)) root.setLevel(Level.INFO);
    }

    @Override
    public void close() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }
}
