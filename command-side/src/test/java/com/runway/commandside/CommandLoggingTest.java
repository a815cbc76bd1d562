package com.runway.commandside;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.runway.inventory.api.ReserveStockCommand;
import com.runway.inventory.api.Sku;
import com.runway.order.api.OrderId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLoggingTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(CommandLogging.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final CommandLogging logging = new CommandLogging();
    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = logger.getLevel();
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
        logger.setLevel(levelBefore);
    }

    @Test
    void a_handled_command_is_one_line_naming_its_aggregate() throws Exception {
        logger.setLevel(Level.INFO);

        Object result = handle(reserve("order-1"), () -> "done");

        assertThat(result).isEqualTo("done");
        assertThat(lines.list).singleElement().satisfies(line ->
                assertThat(line.getFormattedMessage()).startsWith("ReserveStockCommand sku=" + new Sku("SKU-1") + " handled in "));
    }

    @Test
    void each_command_names_its_own_aggregate() throws Exception {
        logger.setLevel(Level.INFO);

        handle(reserve("order-1"), () -> null);
        handle(new OrderId("order-2"), () -> null);

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("ReserveStockCommand sku="),
                        second -> assertThat(second).startsWith("OrderId value=order-2 handled in "));
    }

    @Test
    void a_refused_command_is_logged_with_its_reason_and_still_fails() {
        logger.setLevel(Level.INFO);

        assertThatThrownBy(() -> handle(reserve("order-1"), () -> {
            throw new IllegalStateException("no such SKU");
        })).hasMessage("no such SKU");

        assertThat(lines.list).singleElement().satisfies(line ->
                assertThat(line.getFormattedMessage()).contains(" refused in ").endsWith(": no such SKU"));
    }

    @Test
    void above_info_the_command_is_handled_and_nothing_is_logged() throws Exception {
        logger.setLevel(Level.WARN);
        AtomicInteger handled = new AtomicInteger();

        handle(reserve("order-1"), handled::incrementAndGet);

        assertThat(handled).hasValue(1);
        assertThat(lines.list).isEmpty();
    }

    private static ReserveStockCommand reserve(String orderId) {
        return new ReserveStockCommand(new Sku("SKU-1"), new OrderId(orderId), 2);
    }

    private Object handle(Object payload, java.util.concurrent.Callable<?> handler) throws Exception {
        CommandMessage<?> command = GenericCommandMessage.asCommandMessage(payload);
        UnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(command);
        try {
            return logging.handle(unitOfWork, handler::call);
        } finally {
            unitOfWork.rollback();
        }
    }
}
