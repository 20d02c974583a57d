package dev.refunds.domain.business;

/** Whether a new refund waits for an admin ({@code MANUAL}) or goes straight to the processor ({@code AUTO}). */
public enum ReviewMode { AUTO, MANUAL }
