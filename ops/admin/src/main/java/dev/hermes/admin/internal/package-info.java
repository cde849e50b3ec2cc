/** Details of the admin library; not an API, may change with any release. */
package dev.hermes.admin.internal;
