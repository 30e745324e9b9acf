package dev.e911.core.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into a byte array of at most {@code maxBytes}; a larger body (declared
 * by Content-Length or discovered while streaming) cancels the exchange and fails with
 * {@link TooLargeException} instead of growing the heap.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    /** The body exceeded the limit; carries no body content. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    private static final int INITIAL_CAPACITY = 8 * 1024;

    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final int maxBytes;
    private final long declaredLength;
    private Flow.Subscription subscription;
    private byte[] buffer;
    private int count;
    private boolean done;

    /**
     * @param maxBytes the most bytes accepted
     * @param declaredLength the Content-Length, or -1 when unknown
     */
    BoundedBodySubscriber(int maxBytes, long declaredLength) {
        this.maxBytes = maxBytes;
        this.declaredLength = declaredLength;
    }

    static HttpResponse.BodyHandler<byte[]> handler(int maxBytes) {
        return info -> new BoundedBodySubscriber(maxBytes, info.headers().firstValueAsLong("content-length").orElse(-1L));
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (declaredLength > maxBytes) {
            fail(s, "declared Content-Length " + declaredLength + " exceeds the limit of " + maxBytes + " bytes");
            return;
        }
        int initial = declaredLength >= 0 ? (int) declaredLength : INITIAL_CAPACITY;
        buffer = new byte[Math.min(Math.max(initial, 16), maxBytes)];
        s.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized void onNext(List<ByteBuffer> items) {
        if (done) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (n > maxBytes - count) {
                fail(subscription, "body exceeds the limit of " + maxBytes + " bytes");
                return;
            }
            if (count + n > buffer.length) {
                long grown = Math.max((long) buffer.length * 2, (long) count + n);
                buffer = Arrays.copyOf(buffer, (int) Math.min(grown, maxBytes));
            }
            item.get(buffer, count, n);
            count += n;
        }
    }

    @Override
    public synchronized void onError(Throwable throwable) {
        if (!done) {
            done = true;
            buffer = null;
            result.completeExceptionally(throwable);
        }
    }

    @Override
    public synchronized void onComplete() {
        if (!done) {
            done = true;
            byte[] body = count == buffer.length ? buffer : Arrays.copyOf(buffer, count);
            buffer = null;
            result.complete(body);
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    private void fail(Flow.Subscription s, String message) {
        done = true;
        buffer = null;
        s.cancel();
        result.completeExceptionally(new TooLargeException(message));
    }
}
