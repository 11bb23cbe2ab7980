//! Realistic outputs the tests read: a kind cluster of three nodes running flannel, as
//! `ip`, `kubectl get ... -A` print them. Aligned the way kubectl's tabwriter aligns (columns
//! padded by three spaces).

/// `ip -o link` on kind-worker: a bridge, a VXLAN device and two pods' veths, one namespace
/// named (`link-netns`) and one only numbered (`link-netnsid`).
pub(super) const WORKER_LINK: &str = "\
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: eth0@if9: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \\    link/ether 02:42:ac:12:00:03 brd ff:ff:ff:ff:ff:ff link-netnsid 0
3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default \\    link/ether 6e:2c:1f:9a:33:10 brd ff:ff:ff:ff:ff:ff
4: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 1a:7d:e0:4b:9c:21 brd ff:ff:ff:ff:ff:ff
5: veth3f2a1c9b@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP mode DEFAULT group default \\    link/ether 9a:1b:2c:3d:4e:5f brd ff:ff:ff:ff:ff:ff link-netns cni-3b2a5f0e-91c4-7d2e-0a6b-4c8d1e2f3a4b
6: veth8c1d2e3f@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP mode DEFAULT group default \\    link/ether 3e:4f:5a:6b:7c:8d brd ff:ff:ff:ff:ff:ff link-netnsid 1
";

/// `ip -o addr` on kind-worker.
pub(super) const WORKER_ADDR: &str = "\
1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
1: lo    inet6 ::1/128 scope host \\       valid_lft forever preferred_lft forever
2: eth0    inet 172.18.0.3/16 brd 172.18.255.255 scope global eth0\\       valid_lft forever preferred_lft forever
2: eth0    inet6 fc00:f853:ccd:e793::3/64 scope global nodad \\       valid_lft forever preferred_lft forever
2: eth0    inet6 fe80::42:acff:fe12:3/64 scope link \\       valid_lft forever preferred_lft forever
3: flannel.1    inet 10.244.1.0/32 scope global flannel.1\\       valid_lft forever preferred_lft forever
4: cni0    inet 10.244.1.1/24 brd 10.244.1.255 scope global cni0\\       valid_lft forever preferred_lft forever
5: veth3f2a1c9b    inet6 fe80::981b:2cff:fe3d:4e5f/64 scope link \\       valid_lft forever preferred_lft forever
";

/// `ip -o link` on kind-worker2: the same devices at the same indexes, other veths.
pub(super) const WORKER2_LINK: &str = "\
1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000\\    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
2: eth0@if11: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP mode DEFAULT group default \\    link/ether 02:42:ac:12:00:04 brd ff:ff:ff:ff:ff:ff link-netnsid 0
3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN mode DEFAULT group default \\    link/ether 52:8e:0a:71:c4:2b brd ff:ff:ff:ff:ff:ff
4: cni0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UP mode DEFAULT group default qlen 1000\\    link/ether 8a:02:5c:e1:7f:40 brd ff:ff:ff:ff:ff:ff
5: veth71be04d2@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue master cni0 state UP mode DEFAULT group default \\    link/ether c2:6d:19:a4:0e:77 brd ff:ff:ff:ff:ff:ff link-netns cni-8e1f0c2d-5a6b-4c3d-9e8f-7a6b5c4d3e2f
";

/// `ip -o addr` on kind-worker2.
pub(super) const WORKER2_ADDR: &str = "\
1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
2: eth0    inet 172.18.0.4/16 brd 172.18.255.255 scope global eth0\\       valid_lft forever preferred_lft forever
3: flannel.1    inet 10.244.2.0/32 scope global flannel.1\\       valid_lft forever preferred_lft forever
4: cni0    inet 10.244.2.1/24 brd 10.244.2.255 scope global cni0\\       valid_lft forever preferred_lft forever
5: veth71be04d2    inet6 fe80::c06d:19ff:fea4:e77/64 scope link \\       valid_lft forever preferred_lft forever
";

/// `kubectl get pods -A -o wide`: restarts with their age, a finished job, a pending pod, and
/// the host-network pods that share each node's address.
pub(super) const PODS_ALL: &str = "\
NAMESPACE      NAME                                READY   STATUS      RESTARTS      AGE     IP            NODE                 NOMINATED NODE   READINESS GATES
default        nginx-demo-7c5ddbdf54-8xk2p         1/1     Running     0             3h12m   10.244.1.20   kind-worker          <none>           <none>
default        nginx-demo-7c5ddbdf54-q9w2m         1/1     Running     2 (47m ago)   3h12m   10.244.2.3    kind-worker2         <none>           <none>
default        db-migrate-28417935-zt7vk           0/1     Completed   0             2d      10.244.1.21   kind-worker          <none>           <none>
default        web-6d4c8b7f9-xx2lp                 0/1     Pending     0             5s      <none>        <none>               <none>           <none>
kube-flannel   kube-flannel-ds-7wq2n               1/1     Running     0             9d      172.18.0.3    kind-worker          <none>           <none>
kube-flannel   kube-flannel-ds-b8m4x               1/1     Running     1 (9d ago)    9d      172.18.0.2    kind-control-plane   <none>           <none>
kube-flannel   kube-flannel-ds-kc9vd               1/1     Running     0             9d      172.18.0.4    kind-worker2         <none>           <none>
kube-system    coredns-7db6d8ff4d-4rvwb            1/1     Running     5 (2d ago)    9d      10.244.0.3    kind-control-plane   <none>           <none>
kube-system    coredns-7db6d8ff4d-tq8zn            1/1     Running     5 (2d ago)    9d      10.244.0.4    kind-control-plane   <none>           <none>
kube-system    etcd-kind-control-plane             1/1     Running     0             9d      172.18.0.2    kind-control-plane   <none>           <none>
kube-system    kube-apiserver-kind-control-plane   1/1     Running     0             9d      172.18.0.2    kind-control-plane   <none>           <none>
kube-system    kube-proxy-2xkvd                    1/1     Running     0             9d      172.18.0.3    kind-worker          <none>           <none>
kube-system    kube-proxy-9m4rt                    1/1     Running     0             9d      172.18.0.2    kind-control-plane   <none>           <none>
kube-system    kube-proxy-hz5pl                    1/1     Running     0             9d      172.18.0.4    kind-worker2         <none>           <none>
";

/// `kubectl get svc -A`: multi-port NodePort, an AWS load balancer's host name, a dual-stack
/// load balancer, one still pending, a headless and an ExternalName Service.
pub(super) const SERVICES_ALL: &str = "\
NAMESPACE     NAME          TYPE           CLUSTER-IP     EXTERNAL-IP                                                               PORT(S)                      AGE
default       kubernetes    ClusterIP      10.96.0.1      <none>                                                                    443/TCP                      9d
default       nginx-demo    NodePort       10.96.143.27   <none>                                                                    80:30080/TCP,443:31443/TCP   3h12m
default       shop-lb       LoadBalancer   10.96.88.14    a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6-1234567890.us-east-1.elb.amazonaws.com   80:31880/TCP                 2d
default       edge          LoadBalancer   10.96.20.5     203.0.113.10,2001:db8::10                                                 443:32443/TCP                2d
default       waiting       LoadBalancer   10.96.30.6     <pending>                                                                 80:30999/TCP                 1m
default       db-headless   ClusterIP      None           <none>                                                                    5432/TCP                     2d
default       billing-db    ExternalName   <none>         db.example.internal                                                       <none>                       2d
kube-system   kube-dns      ClusterIP      10.96.0.10     <none>                                                                    53/UDP,53/TCP,9153/TCP       9d
";

/// `kubectl get endpointslices -A`: the API server's own slice (no generated suffix), `+ 1
/// more...`, an empty slice, and a dual-stack Service's IPv6 slice.
pub(super) const SLICES_ALL: &str = "\
NAMESPACE     NAME                ADDRESSTYPE   PORTS        ENDPOINTS                                       AGE
default       kubernetes          IPv4          6443         172.18.0.2                                      9d
default       nginx-demo-7xk2p    IPv4          80,443       10.244.1.20,10.244.2.3,10.244.3.4 + 1 more...   3h12m
default       db-headless-q8z5m   IPv4          <unset>      <unset>                                         2d
default       nginx-demo-w2b4n    IPv6          80,443       fd00:10:244:1::14                               3h12m
kube-system   kube-dns-4kx9t      IPv4          53,53,9153   10.244.0.3,10.244.0.4                           9d
";

/// `kubectl get endpoints -A`: addresses with ports, IPv6 in brackets.
pub(super) const ENDPOINTS_ALL: &str = "\
NAMESPACE   NAME         ENDPOINTS                                                  AGE
default     kubernetes   172.18.0.2:6443                                            9d
default     nginx-demo   10.244.1.20:80,10.244.2.3:80,10.244.1.20:443 + 3 more...   3h12m
default     v6           [fd00:10:244:1::14]:8080                                   3h12m
default     empty        <none>                                                     3h12m
";
