package dev.flightdeck.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.netty.DefaultHttpCompressionStrategy;
import io.micronaut.http.server.netty.HttpCompressionStrategy;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Singleton;

/**
 * Micronaut's response compression (gzip/deflate above {@code micronaut.server.netty.compression-threshold}, for
 * text types) except JSON: the JSON Flightdeck answers is Slack's acks and webhooks' replies, a few KB on a path where
 * the three-second deadline matters more than bytes, and the stock check parsed the content type of every response
 * (4% of an acked request's CPU in the benchmark's profile). Pages, Markdown and /prometheus are still compressed.
 */
@Singleton
@Replaces(DefaultHttpCompressionStrategy.class)
public class TextCompression implements HttpCompressionStrategy {

    private final NettyHttpServerConfiguration config;

    public TextCompression(NettyHttpServerConfiguration config) {
        this.config = config;
    }

    @Override
    public boolean isEnabled() {
        return config.getCompressionThreshold() >= 0;
    }

    @Override
    public boolean shouldCompress(HttpResponse response) {
        String type = response.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (!isEnabled() || type == null || type.startsWith(MediaType.APPLICATION_JSON)) {
            return false;
        }
        long length = HttpUtil.getContentLength(response, -1L);
        return (length < 0 || length >= config.getCompressionThreshold()) && MediaType.isTextBased(type);
    }

    @Override
    public int getCompressionLevel() {
        return config.getCompressionLevel();
    }

    @Override
    public int getMaxZstdEncodeSize() {
        return config.getMaxZstdEncodeSize();
    }
}
