package io.loveandpay.autoconfigure;

import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;

/**
 * The client's own connection pool: idle connections are closed before servers on the way
 * close them, in the background, and waiting for a connection is bounded. A lazy bean:
 * made on the first call, and closed with the application context.
 */
final class LoveandpayConnectionPool implements DisposableBean {

	private final ConnectionProvider provider;

	LoveandpayConnectionPool(LoveandpayProperties.Pool pool) {
		this.provider = ConnectionProvider.builder("loveandpay")
			.maxConnections(pool.getMaxConnections())
			.pendingAcquireMaxCount(pool.getMaxPendingAcquires())
			.pendingAcquireTimeout(pool.getAcquireTimeout())
			.maxIdleTime(pool.getMaxIdleTime())
			.maxLifeTime(pool.getMaxLifeTime())
			.evictInBackground(pool.getEvictionInterval())
			.build();
	}

	ConnectionProvider provider() {
		return this.provider;
	}

	@Override
	public void destroy() {
		this.provider.dispose();
	}

}
