//! The index: per packet, where its bytes are in the file and the fields a filter needs.

use std::net::IpAddr;

use rustc_hash::FxHashMap;

use super::describe::{innermost_ip, innermost_ports, sent_layers};
use super::PacketFilter;
use crate::capture::{FrameSlice, LinkType, RecordKind, Timestamp};
use crate::decode::PacketSlice;
use crate::journey::{interface_key, Direction, InterfaceKey};

/// No address (ARP, undecodable frames).
const NO_ADDRESS: u32 = u32::MAX;

/// One packet of the capture, enough to filter it and to read it again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PacketRow {
    pub frame: u64,
    /// Where the packet's bytes start in the file.
    pub data_offset: u64,
    pub time: Option<Timestamp>,
    pub captured: u32,
    pub original: u32,
    pub link_type: LinkType,
    pub interface: InterfaceKey,
    pub direction: Direction,
    source: u32,
    destination: u32,
    pub source_port: u16,
    pub destination_port: u16,
    /// IP protocol number of the innermost packet (0 when there is none).
    pub protocol: u8,
}

impl PacketRow {
    /// The packet as a frame again, from its bytes read back from the file (`data` must be the
    /// `captured` bytes at `data_offset`), ready for [`crate::decode::decode`].
    pub fn frame<'a>(&self, data: &'a [u8]) -> FrameSlice<'a> {
        FrameSlice {
            number: self.frame,
            kind: RecordKind::Packet,
            file_offset: self.data_offset,
            data_offset: self.data_offset,
            timestamp: self.time,
            interface: None,
            link_type: self.link_type,
            original_len: self.original,
            data,
            options: crate::capture::PacketOptions::NONE,
        }
    }
}

/// Every packet of a capture, in frame order.
#[derive(Default)]
pub struct PacketIndex {
    rows: Vec<PacketRow>,
    addresses: Vec<IpAddr>,
    address_ids: FxHashMap<IpAddr, u32>,
}

impl PacketIndex {
    pub fn new() -> PacketIndex {
        PacketIndex::default()
    }

    /// Adds a decoded packet. Records other than packets (pcapng custom blocks) are skipped:
    /// they keep their frame number but are no packet to show.
    pub fn add(&mut self, frame: &FrameSlice<'_>, packet: &PacketSlice<'_>) {
        if frame.kind != RecordKind::Packet {
            return;
        }
        let (interface, direction) = interface_key(frame, packet);
        let mut row = PacketRow {
            frame: frame.number,
            data_offset: frame.data_offset,
            time: frame.timestamp,
            captured: frame.captured_len(),
            original: frame.original_len,
            link_type: frame.link_type,
            interface,
            direction,
            source: NO_ADDRESS,
            destination: NO_ADDRESS,
            source_port: 0,
            destination_port: 0,
            protocol: 0,
        };
        let sent = sent_layers(packet);
        if let Some((source, destination, protocol)) = innermost_ip(sent) {
            row.source = self.intern(source);
            row.destination = self.intern(destination);
            row.protocol = protocol;
        }
        if let Some((source_port, destination_port)) = innermost_ports(sent) {
            row.source_port = source_port;
            row.destination_port = destination_port;
        }
        self.rows.push(row);
    }

    fn intern(&mut self, address: IpAddr) -> u32 {
        if let Some(&id) = self.address_ids.get(&address) {
            return id;
        }
        let id = self.addresses.len() as u32;
        self.addresses.push(address);
        self.address_ids.insert(address, id);
        id
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    pub fn rows(&self) -> &[PacketRow] {
        &self.rows
    }

    /// The row of a frame number, if that frame is a packet.
    pub fn row_of_frame(&self, frame: u64) -> Option<&PacketRow> {
        let at = self.rows.binary_search_by_key(&frame, |r| r.frame).ok()?;
        self.rows.get(at)
    }

    pub fn source(&self, row: &PacketRow) -> Option<IpAddr> {
        self.addresses.get(row.source as usize).copied()
    }

    pub fn destination(&self, row: &PacketRow) -> Option<IpAddr> {
        self.addresses.get(row.destination as usize).copied()
    }

    /// Positions (in [`PacketIndex::rows`]) of the rows the filter keeps.
    pub fn matching(&self, filter: &PacketFilter) -> Vec<u32> {
        if filter.is_empty() {
            return (0..self.rows.len() as u32).collect();
        }
        // Resolve addresses once, so that the scan compares integers.
        let addresses: Vec<Option<u32>> = filter
            .addresses
            .iter()
            .map(|a| self.address_ids.get(a).copied())
            .collect();
        if addresses.iter().any(Option::is_none) {
            return Vec::new();
        }
        let endpoints: Vec<(u32, u16, u32, u16)> = filter
            .endpoint_pairs
            .iter()
            .filter_map(|(a, b)| {
                Some((
                    *self.address_ids.get(&a.address)?,
                    a.port,
                    *self.address_ids.get(&b.address)?,
                    b.port,
                ))
            })
            .collect();
        if !filter.endpoint_pairs.is_empty() && endpoints.is_empty() {
            return Vec::new();
        }
        self.rows
            .iter()
            .enumerate()
            .filter(|(_, row)| {
                addresses
                    .iter()
                    .flatten()
                    .all(|&a| row.source == a || row.destination == a)
                    && filter
                        .ports
                        .iter()
                        .all(|&p| row.source_port == p || row.destination_port == p)
                    && filter.protocols.iter().all(|&p| row.protocol == p)
                    && filter.interfaces.iter().all(|&key| row.interface == key)
                    && (filter.frames.is_empty() || filter.frames.binary_search(&row.frame).is_ok())
                    && (endpoints.is_empty()
                        || endpoints.iter().any(|&(a, ap, b, bp)| {
                            (row.source == a
                                && row.source_port == ap
                                && row.destination == b
                                && row.destination_port == bp)
                                || (row.source == b
                                    && row.source_port == bp
                                    && row.destination == a
                                    && row.destination_port == ap)
                        }))
            })
            .map(|(at, _)| at as u32)
            .collect()
    }
}
