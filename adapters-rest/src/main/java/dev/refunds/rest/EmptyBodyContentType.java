package dev.refunds.rest;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import jakarta.inject.Singleton;

/**
 * A request without a body has no media type to refuse: generated clients (axios, for one) send
 * {@code Content-Type: application/x-www-form-urlencoded} on an empty POST such as {@code …/complete}, which
 * Micronaut's routing would answer {@code 415} before any of our code runs. So the header of a request with no
 * body (HTTP/1.1: {@code Content-Length: 0}, or neither a length nor chunked encoding) is dropped where Netty has
 * just decoded it; a request with a body keeps its header and is still refused when that is not JSON.
 */
@Singleton
final class EmptyBodyContentType implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String HANDLER_NAME = "refunds-empty-body-content-type";

    @Override
    public NettyServerCustomizer.Registry onCreated(@NonNull BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null));
        return event.getBean();
    }

    private record Customizer(@Nullable Channel channel) implements NettyServerCustomizer {
        @Override
        public @NonNull NettyServerCustomizer specializeForChannel(@NonNull Channel channel,
                                                                   @NonNull ChannelRole role) {
            return new Customizer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER_NAME,
                        new DropContentTypeOfEmptyBody());
            }
        }
    }

    @ChannelHandler.Sharable
    private static final class DropContentTypeOfEmptyBody extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request && !HttpUtil.isTransferEncodingChunked(request)
                    && HttpUtil.getContentLength(request, 0L) == 0L) {
                request.headers().remove(HttpHeaderNames.CONTENT_TYPE);
            }
            context.fireChannelRead(message);
        }
    }
}
