/**
 * The KYC (identity verification) API: create, read and list verification sessions,
 * reactively with {@link io.loveandpay.kyc.KycSessionService} or blocking with
 * {@link io.loveandpay.kyc.BlockingKycSessionService}.
 */
@NullMarked
package io.loveandpay.kyc;

import org.jspecify.annotations.NullMarked;
