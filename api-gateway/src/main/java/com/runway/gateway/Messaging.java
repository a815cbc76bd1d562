package com.runway.gateway;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import com.runway.shared.boot.FlowLogging;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import reactor.util.retry.Retry;

import java.util.concurrent.CompletableFuture;
import java.util.Map;
import java.util.function.Function;

/** Commands and queries as Monos, bounded by the gateway's timeouts; nothing here blocks a thread. */
@Component
public class Messaging {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final GatewaySettings settings;

    public Messaging(CommandGateway commandGateway, QueryGateway queryGateway, GatewaySettings settings) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.settings = settings;
    }

    /** Completes once the command's events are stored. */
    public Mono<Void> send(Object command) {
        return inRequestTrace(request -> commandGateway.send(inFlowOf(request, command)))
                .timeout(settings.commandTimeout())
                .then();
    }

    /** As {@link #send(Object)}, for a command whose handler answers something. */
    public <R> Mono<R> call(Object command) {
        return inRequestTrace(request -> commandGateway.<R>send(inFlowOf(request, command)))
                .timeout(settings.commandTimeout());
    }

    /** As {@link #send(Object)}, for a command to an existing aggregate: its absence becomes a 404 saying what is missing. */
    public Mono<Void> send(Object command, String whenMissing) {
        return send(command).onErrorMap(AggregateNotFoundException.class, e -> new NotFoundException(whenMissing));
    }

    /**
     * For commands that may race another for the same new aggregate (the same idempotency key sent
     * twice at once): the loser of the race is retried, and then finds the winner's aggregate.
     */
    public Mono<Void> sendRetryingConflicts(Object command) {
        return send(command).retryWhen(Retry.max(3).filter(e -> e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException));
    }

    public <R> Mono<R> query(Object query, ResponseType<R> responseType) {
        return inRequestTrace(request -> queryGateway.query(query, responseType))
                .timeout(settings.queryTimeout());
    }

    /** Dispatches with the request's span current (see {@link ApiTracing}), so Axon's spans join its trace. */
    private static <T> Mono<T> inRequestTrace(Function<ContextView, CompletableFuture<T>> dispatch) {
        return Mono.deferContextual(request -> {
            Context trace = request.getOrDefault(Context.class, Context.current());
            try (Scope ignored = trace.makeCurrent()) {
                return Mono.fromFuture(dispatch.apply(request));
            }
        });
    }

    /** The request's correlation id (see {@link CorrelationIds}) becomes the id of the flow the command starts. */
    private static CommandMessage<?> inFlowOf(ContextView request, Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        return request.<String>getOrEmpty(CorrelationIds.CONTEXT_KEY)
                .<CommandMessage<?>>map(id -> message.andMetaData(Map.of(FlowLogging.TRACE_ID, id)))
                .orElse(message);
    }

    /** For a query whose answer may be absent from the read model: absence becomes a 404 saying what is missing. */
    public <R> Mono<R> queryOne(Object query, Class<R> type, String whenMissing) {
        return query(query, ResponseTypes.optionalInstanceOf(type))
                .flatMap(answer -> answer.map(Mono::just).orElseGet(() -> Mono.error(new NotFoundException(whenMissing))));
    }
}
