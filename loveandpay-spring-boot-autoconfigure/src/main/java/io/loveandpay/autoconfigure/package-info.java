/**
 * Auto-configuration of the loveandpay client: properties, signing, the API client and
 * the API services.
 */
@NullMarked
package io.loveandpay.autoconfigure;

import org.jspecify.annotations.NullMarked;
