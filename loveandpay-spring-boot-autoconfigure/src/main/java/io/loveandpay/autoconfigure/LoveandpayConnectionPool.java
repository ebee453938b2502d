package io.loveandpay.autoconfigure;

import org.jspecify.annotations.Nullable;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;

/**
 * The client's own connection pool: idle connections are closed before servers on the way
 * close them, in the background, and waiting for a connection is bounded. Made on the
 * first call, so that start-up pays nothing for it.
 */
final class LoveandpayConnectionPool implements DisposableBean {

	private final LoveandpayProperties.Pool pool;

	private volatile @Nullable ConnectionProvider provider;

	LoveandpayConnectionPool(LoveandpayProperties.Pool pool) {
		this.pool = pool;
	}

	synchronized ConnectionProvider provider() {
		ConnectionProvider provider = this.provider;
		if (provider == null) {
			provider = create(this.pool);
			this.provider = provider;
		}
		return provider;
	}

	private static ConnectionProvider create(LoveandpayProperties.Pool pool) {
		return ConnectionProvider.builder("loveandpay")
			.maxConnections(pool.getMaxConnections())
			.pendingAcquireMaxCount(pool.getMaxPendingAcquires())
			.pendingAcquireTimeout(pool.getAcquireTimeout())
			.maxIdleTime(pool.getMaxIdleTime())
			.maxLifeTime(pool.getMaxLifeTime())
			.evictInBackground(pool.getEvictionInterval())
			.build();
	}

	@Override
	public void destroy() {
		ConnectionProvider provider = this.provider;
		if (provider != null) {
			provider.dispose();
		}
	}

}
