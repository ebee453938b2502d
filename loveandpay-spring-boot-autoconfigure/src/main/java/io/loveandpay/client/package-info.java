/**
 * Client plumbing shared by every loveandpay API area: request signing, the signed JSON
 * exchange and the exception hierarchy.
 */
@NullMarked
package io.loveandpay.client;

import org.jspecify.annotations.NullMarked;
