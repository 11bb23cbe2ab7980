//! Per-packet fields named and formatted as tshark prints them with `-T fields -E
//! occurrence=f`: each field takes its first (outermost) occurrence in the packet. This is how
//! we check our decoding against tshark, field by field, on real captures.

use std::fmt::Write;

use crate::capture::{FrameSlice, RecordKind};
use crate::decode::{Layer, PacketSlice};

/// The fields, in output order, under tshark's names.
pub const TSHARK_FIELDS: [&str; 20] = [
    "frame.number",
    "frame.time_epoch",
    "frame.len",
    "frame.cap_len",
    "frame.interface_id",
    "eth.src",
    "eth.dst",
    "vlan.id",
    "ip.src",
    "ip.dst",
    "ip.proto",
    "ipv6.src",
    "ipv6.dst",
    "tcp.srcport",
    "tcp.dstport",
    "tcp.flags",
    "tcp.seq_raw",
    "tcp.ack_raw",
    "udp.srcport",
    "udp.dstport",
];

/// Appends one tab-separated row (no newline) for `frame` to `out`. `reassembled` is the
/// datagram this frame's fragment completed, if any: its layers follow the frame's own.
pub fn write_row(
    out: &mut String,
    frame: &FrameSlice<'_>,
    packet: &PacketSlice<'_>,
    reassembled: Option<&PacketSlice<'_>>,
) {
    // `write!` into a String cannot fail.
    let _ = write!(out, "{}\t", frame.number);
    if let Some(timestamp) = frame.timestamp {
        let _ = write!(out, "{timestamp}");
    }
    let _ = write!(out, "\t{}\t{}\t", frame.original_len, frame.captured_len());
    if frame.kind == RecordKind::Packet {
        // tshark 4.0 numbers interfaces within their pcapng section.
        if let Some(interface) = frame.interface {
            let _ = write!(out, "{}", interface.id_in_section);
        }
    }
    let inner: &[Layer<'_>] = reassembled.map_or(&[], |p| &p.layers);
    let first =
        |pick: &dyn Fn(&Layer<'_>) -> bool| packet.layers.iter().chain(inner).find(|l| pick(l));
    out.push('\t');
    if let Some(Layer::Ethernet(eth)) = first(&|l| matches!(l, Layer::Ethernet(_))) {
        write_mac(out, &eth.source);
        out.push('\t');
        write_mac(out, &eth.destination);
    } else {
        out.push('\t');
    }
    out.push('\t');
    // tshark files 802.1ad (0x88a8) service tags under `ieee8021ad`, not `vlan`.
    if let Some(Layer::Vlan(vlan)) = first(&|l| matches!(l, Layer::Vlan(v) if v.tpid != 0x88A8)) {
        let _ = write!(out, "{}", vlan.id);
    }
    out.push('\t');
    if let Some(Layer::Ipv4(ip)) = first(&|l| matches!(l, Layer::Ipv4(_))) {
        let _ = write!(out, "{}\t{}\t{}", ip.source, ip.destination, ip.protocol);
    } else {
        out.push_str("\t\t");
    }
    out.push('\t');
    if let Some(Layer::Ipv6(ip)) = first(&|l| matches!(l, Layer::Ipv6(_))) {
        let _ = write!(out, "{}\t{}", ip.source, ip.destination);
    } else {
        out.push('\t');
    }
    out.push('\t');
    if let Some(Layer::Tcp(tcp)) = first(&|l| matches!(l, Layer::Tcp(_))) {
        // A header cut short shows only the fields it holds.
        let _ = write!(out, "{}\t{}\t", tcp.source_port, tcp.destination_port);
        if tcp.has_field_at(14) {
            let _ = write!(out, "0x{:04x}", tcp.flags);
        }
        out.push('\t');
        if tcp.has_field_at(8) {
            let _ = write!(out, "{}", tcp.sequence);
        }
        out.push('\t');
        if tcp.has_field_at(12) {
            let _ = write!(out, "{}", tcp.acknowledgment);
        }
    } else {
        out.push_str("\t\t\t\t");
    }
    out.push('\t');
    if let Some(Layer::Udp(udp)) = first(&|l| matches!(l, Layer::Udp(_))) {
        let _ = write!(out, "{}\t{}", udp.source_port, udp.destination_port);
    } else {
        out.push('\t');
    }
}

fn write_mac(out: &mut String, mac: &[u8; 6]) {
    let _ = write!(
        out,
        "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
        mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]
    );
}
